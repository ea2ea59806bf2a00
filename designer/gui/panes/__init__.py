"""The designer's panes: each a widget fed by the model and the editor's signals."""
