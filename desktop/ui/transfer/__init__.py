"""Getting articles in and briefings out: import controller and dialogs, exports, the briefing
dialog."""
