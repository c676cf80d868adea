"""Probe run by test/reference/current.test.ts: the reference generators need numpy and scipy."""
import numpy  # noqa: F401
import scipy  # noqa: F401
