while True:
    # comment
