"""Marsad's Arabic text pipeline: pure Python, no Django.

Entry point: :func:`newsapp.nlp.pipeline.analyze`. The shared data types live
in :mod:`newsapp.nlp.types`; the catalog the pipeline matches against is a
plain :class:`newsapp.nlp.types.Gazetteer` built by ``newsapp.services``.
"""
