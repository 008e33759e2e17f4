"""The only bridge between the text pipeline (``newsapp.nlp``) and the database.

Writes are keyword-only functions, each inside a transaction; views,
serializers and commands call these and stay thin.
"""
