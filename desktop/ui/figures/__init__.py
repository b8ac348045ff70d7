"""Figures: the entity network and the claim timeline, drawn by Qt (``QGraphicsScene``) so
Arabic labels are shaped by Qt's text engine; ``export`` writes any figure as PNG or SVG."""
