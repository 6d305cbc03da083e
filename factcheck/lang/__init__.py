"""Languages factcheck reads: one module of words per language; logic holds no words."""
