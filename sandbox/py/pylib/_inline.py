# Python versions of builtins whose work calls back into user code (a class's
# __iter__ and __next__). Run as frames of the VM loop, those callbacks may
# switch greenlets, which a nested Go call could not. Frames of this module are
# left out of printed tracebacks.

def list_of(it):
    result = []
    for x in it:
        result.append(x)
    return result


def tuple_of(it):
    return tuple(list_of(it))
