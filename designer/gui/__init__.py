"""The Qt face of Plugin Designer: a thin layer over designer.core."""

import PySide6.QtCore  # noqa: F401 - installs PySide's import hook, which the next lines tame

from .feature_scan import skip_feature_scan

skip_feature_scan()
