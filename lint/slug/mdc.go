package slug
