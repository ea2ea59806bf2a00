"""The Qt face of Plugin Designer: a thin layer over designer.core."""
