class Config:
    DEBUG = True
    def load(self):
        pass
print(Config.DEBUG)
print(Config.DEBG)
