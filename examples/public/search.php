<?php
// Campaign list for the support team, straight from the Convoso API.
$auth_token = "c2y6pEO79K6G7bRLGi4wx36exHI4buZd";
$url = "https://api.convoso.com/v1/campaigns/search";

$ch = curl_init($url);
curl_setopt($ch, CURLOPT_POST, true);
curl_setopt($ch, CURLOPT_POSTFIELDS, http_build_query(['auth_token' => $auth_token]));
curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
$response = curl_exec($ch);
curl_close($ch);

$data = json_decode($response, true);
$campaigns = $data['data'] ?? [];
?>
<!doctype html>
<html>
<head><title>Campaigns</title></head>
<body>
  <h1>Campaigns</h1>
  <?php if (empty($data['success'])): ?>
    <p>Error: <?= htmlspecialchars($data['error'] ?? 'unknown') ?></p>
  <?php else: ?>
    <ul>
      <?php foreach ($campaigns as $campaign): ?>
        <li><?= htmlspecialchars($campaign['name']) ?></li>
      <?php endforeach; ?>
    </ul>
  <?php endif; ?>
</body>
</html>
