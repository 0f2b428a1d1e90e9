import optparse
import argparse


# A command evaluates the expressions its invoker typed (`tool scales --eval 360/256`): they already run Python.
def scales_command(args=None):
    parser = optparse.OptionParser("%prog scales [options] value[, ...]")
    parser.add_option("--eval", default=False, action="store_true")
    (options, args) = parser.parse_args(args)
    if options.eval:
        return [eval(a) for a in args]
    return [float(a) for a in args]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("expression")
    ns = parser.parse_args()
    print(eval(ns.expression))
