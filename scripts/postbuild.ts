/** Runs after astro build: search indexes and published API files. */
console.log('postbuild: nothing to do yet');
