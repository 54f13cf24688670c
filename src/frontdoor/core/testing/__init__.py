"""Test helpers shared by every app: factories, personas, signing in, the permission matrix."""
