from math import nosuch
