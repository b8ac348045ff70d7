"""The entity registry: the Entities dock, entity pages and pickers, find-all-mentions."""
