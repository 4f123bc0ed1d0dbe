"""Fee widgets shared by Billing, Disputes and the Support desk."""
