class P:
    def __init__(self):
        self.x = 1
    def go(self):
        return self.y
P().go()
