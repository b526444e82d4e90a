v =  1/0  # comment
