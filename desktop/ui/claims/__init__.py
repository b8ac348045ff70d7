"""The claim workbench: the claim editor, the Claims table and the controller that edits
them."""
