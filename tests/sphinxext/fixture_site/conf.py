"""A two-page site for testing sphinxext.snippet_cells."""

project = "fixture"
extensions = ["myst_nb", "sphinxext.snippet_cells"]
nb_execution_mode = "cache"
nb_execution_cache_path = "build/.jupyter_cache"
nb_execution_raise_on_error = False
nb_execution_timeout = 60
nb_execution_show_tb = True
