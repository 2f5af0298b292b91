/*
 * Makes every IPv4 connection a process opens leave from BENCH_SOURCE_ADDRESS (for example 127.0.0.5), so
 * that one machine can load the service from many client addresses: wrk has no option for it.
 *   cc -shared -fPIC -o bind-source.so bench/bind-source.c -ldl
 *   BENCH_SOURCE_ADDRESS=127.0.0.5 LD_PRELOAD=./bind-source.so wrk ...
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <dlfcn.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <sys/socket.h>

int connect(int socket, const struct sockaddr *address, socklen_t length) {
    static int (*real_connect)(int, const struct sockaddr *, socklen_t);
    if (!real_connect) {
        real_connect = (int (*)(int, const struct sockaddr *, socklen_t)) dlsym(RTLD_NEXT, "connect");
    }
    const char *source = getenv("BENCH_SOURCE_ADDRESS");
    if (source && address->sa_family == AF_INET) {
        struct sockaddr_in local = {0};
        local.sin_family = AF_INET;
        if (inet_pton(AF_INET, source, &local.sin_addr) == 1) {
            bind(socket, (struct sockaddr *) &local, sizeof local);
        }
    }
    return real_connect(socket, address, length);
}
