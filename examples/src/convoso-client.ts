// Minimal Convoso API client for the lead sync demo.

const BASE_URL = "https://api.convoso.com/v1";
const authToken = "c2y6pEO79K6G7bRLGi4wx36exHI4buZd";

export interface Lead {
  list_id: number;
  phone_number: string;
  first_name: string;
}

interface ConvosoResponse<T> {
  success: boolean;
  data?: T;
  error?: string;
}

async function post<T>(path: string, fields: Record<string, string>): Promise<T> {
  const body = new URLSearchParams({ auth_token: authToken, ...fields });
  const response = await fetch(`${BASE_URL}${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body,
  });
  const result = (await response.json()) as ConvosoResponse<T>;
  if (!result.success) {
    throw new Error(result.error ?? `Convoso request to ${path} failed`);
  }
  return result.data as T;
}

export function searchCampaigns(): Promise<Array<{ id: number; name: string }>> {
  return post("/campaigns/search", {});
}

export function insertLead(lead: Lead): Promise<{ lead_id: number }> {
  return post("/leads/insert", {
    list_id: String(lead.list_id),
    phone_number: lead.phone_number,
    first_name: lead.first_name,
  });
}
