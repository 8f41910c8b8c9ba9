"""carryxl's Excel add-in: the VBA project, the Carry ribbon tab and their packaging."""

from carryxl.addin.build import ADDIN_FILENAME, build_addin, build_xlsm

__all__ = ["ADDIN_FILENAME", "build_addin", "build_xlsm"]
