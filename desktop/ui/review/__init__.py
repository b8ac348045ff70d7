"""The review queue: every pending suggestion of the project in one dock."""
