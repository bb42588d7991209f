"""The routers: the JSON API under /api (one module per resource) and the HTML pages."""
