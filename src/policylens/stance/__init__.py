"""Stances toward questions, claims, aspects and key points."""
