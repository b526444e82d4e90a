def fetch():
    data = await get_data()
    return data
