def request_memo(request, key, compute):
    """Compute a value once per request (menus, maps of links) and keep it on the request."""
    store = request.__dict__.setdefault("_metodebibliotek_memo", {})
    if key not in store:
        store[key] = compute()
    return store[key]
