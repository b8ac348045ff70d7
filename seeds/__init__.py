"""Sample Arabic articles a new user's default project starts with."""
