"""newsclean's cleaning library: raw article bytes in, clean body and an audit out.

Pure by design: no Prefect, no boto3, no network, no files except the rule packs it is
handed. Everything here can be tested with a string in and a value out.
"""

from newsclean.cleaners.decode import InputRejected
from newsclean.cleaners.model import Cleaned, Removal, Status
from newsclean.cleaners.options import CleanOptions
from newsclean.cleaners.pipeline import clean, warm_up
from newsclean.cleaners.rules import Rule, RulePack, RulePackError, RuleSet, build_ruleset, default_rules

__version__ = "0.1.0"

__all__ = [
    "Cleaned", "CleanOptions", "InputRejected", "Removal", "Rule", "RulePack",
    "RulePackError", "RuleSet", "Status", "__version__", "build_ruleset", "clean",
    "default_rules", "warm_up",
]
