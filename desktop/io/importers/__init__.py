"""io/importers"""
