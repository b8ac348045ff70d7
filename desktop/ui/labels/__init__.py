"""Labels: the label manager dialogs and the Tag → Manage Labels flow."""
