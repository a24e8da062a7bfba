"""The headless API: router, endpoints, filters, fields and the problem format."""
