#ifndef CHARTER_CLIBGIT2_SHIM_H
#define CHARTER_CLIBGIT2_SHIM_H

#include <git2.h>
#include <git2/sys/mempack.h>
#include <git2/sys/odb_backend.h>
#include <git2/sys/repository.h>
#include <git2/sys/commit.h>
#include <zlib.h>

/* git_libgit2_opts is variadic and cannot be called from Swift: one wrapper per option used. */

static inline int charter_git_set_cache_object_limit(git_object_t type, size_t size) {
    return git_libgit2_opts(GIT_OPT_SET_CACHE_OBJECT_LIMIT, type, size);
}

static inline int charter_git_set_cache_max_size(ssize_t size) {
    return git_libgit2_opts(GIT_OPT_SET_CACHE_MAX_SIZE, size);
}

#endif
