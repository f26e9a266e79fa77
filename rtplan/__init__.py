"""rtplan: a Jupyter workbook for participatory planning in an Indonesian RT.

The core (this package minus ``rtplan.ui`` and ``rtplan.export``) is pure Python on
pandas DataFrames: it never imports ipywidgets, IPython or nbconvert.
"""

__version__ = "0.1.0"
