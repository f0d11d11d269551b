// convoso-auth-token's samples, run by rule-samples.test.ts: what the rule must find,
// and look-alikes it must leave alone. Deliberate fakes: each true-positive line
// carries an ignore marker so scanning this repository stays clean.

import type { RuleSample } from "./rule-sample.js";

export const truePositives: RuleSample[] = [
  { file: "client.ts", text: `const authToken = "Fk3h9QzL2mX8vR1tY6wB4nC7pJ0sD5aE";`, line: 1 }, // token-guard-ignore: a deliberate fake, this rule's own sample
  { file: "client.js", text: "fetch(url, { body: `auth_token=Zq8Lm2Xv9Rt4Yb6Nc1Pw3Ks7Hd5Gf0Ja&list_id=1` });", line: 1 }, // token-guard-ignore: a deliberate fake, this rule's own sample
  { file: "sync.py", text: `import requests\ndata = {"auth_token": "Gh4Jk6Lm8Nq0Rs2Tv4Wx6Yz8Ab0Cd2Ef"}\n`, line: 2 }, // token-guard-ignore: a deliberate fake, this rule's own sample
  { file: "search.php", text: `<?php\n$auth_token = 'Pq9Rs8Tu7Vw6Xy5Za4Bc3De2Fg1Hi0Jk';\n`, line: 2 }, // token-guard-ignore: a deliberate fake, this rule's own sample
  { file: "search.sh", text: `curl -X POST "https://api.convoso.com/v1/campaigns/search" \\\n  -d "auth_token=Mn3Bv5Cx7Zl9Kj1Hg3Fd5Sa7Qw9Er1Ty"\n`, line: 2 }, // token-guard-ignore: a deliberate fake, this rule's own sample
  { file: "setup.ps1", text: `$env:CONVOSO_AUTH_TOKEN = "Ua2Sd4Fg6Hj8Kl0Zx2Cv4Bn6Mq8Wr0Te"\n`, line: 1 }, // token-guard-ignore: a deliberate fake, this rule's own sample
  { file: "values.yaml", text: `convoso:\n  auth_token: "Lk9Jh7Gf5Ds3Aq1Wz8Xe6Rc4Vt2By0Nu"\n`, line: 2 }, // token-guard-ignore: a deliberate fake, this rule's own sample
  { file: "TOKEN.py", text: `# talks to api.convoso.com\nDEFAULT_TOKEN = "Yt5Re3Wq1Az9Sx7Dc5Fv3Gb1Hn9Jm7Ki"\n`, line: 2 }, // token-guard-ignore: a deliberate fake, this rule's own sample
];

export const falsePositives: RuleSample[] = [
  { file: "client.ts", text: `const authToken = "YOUR_TOKEN_HERE";` },
  { file: "client.ts", text: `const authToken = process.env.CONVOSO_AUTH_TOKEN;` },
  { file: "sync.py", text: `import os\nauth_token = os.getenv("CONVOSO_AUTH_TOKEN")\n` },
  { file: "search.sh", text: `curl -d "auth_token=$CONVOSO_AUTH_TOKEN" https://api.convoso.com/v1/campaigns/search\n` },
  { file: "docs.md", text: "Include the auth_token in every API request as a query parameter.\n" },
  { file: "client.ts", text: `const oauth_token = "Fk3h9QzL2mX8vR1tY6wB4nC7pJ0sD5aE";` },
  { file: "client.ts", text: `const auth_token_url = "https://api.convoso.com/v1/auth/token/refresh";` },
  { file: "TOKEN.py", text: `DEFAULT_TOKEN = "Yt5Re3Wq1Az9Sx7Dc5Fv3Gb1Hn9Jm7Ki"\n` },
];
