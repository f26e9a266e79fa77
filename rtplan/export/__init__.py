"""Documents: notebooks executed with a plan injected, exported with rtplan's template, printed to PDF.

This layer may import nbconvert, nbclient and the PDF engines; the core never imports it.
"""
