// Turns the Swift runtime's interactive crash reporter off for users.
//
// The runtime reads SWIFT_BACKTRACE once, in a constructor of libswiftCore that runs before any
// code of this program, so setting it from Swift (or from a constructor here, which runs after
// the library's) is too late. When the variable is unset and standard input is a terminal (the
// only case in which the reporter would stop and wait 30 s for a key over the live screen), this
// constructor sets SWIFT_BACKTRACE=interactive=no and re-executes the program once, with the
// same arguments, before Swift's main runs. A user who sets SWIFT_BACKTRACE keeps their choice.
#define _GNU_SOURCE
#include <stdlib.h>
#include <unistd.h>

#include "CNNStartup.h"

static int reexecuted = 0;

int cnn_startup_reexecuted(void) { return reexecuted; }

/// The environment variable that marks the second start, so a failing exec never loops.
static const char *const marker = "CNNVIZ_BACKTRACE_SET";

__attribute__((constructor)) static void cnn_turn_off_interactive_crash_reporter(int argc, char **argv) {
    (void)argc;
    if (getenv(marker) != NULL) {
        reexecuted = 1;
        unsetenv(marker);
        return;
    }
    if (getenv("SWIFT_BACKTRACE") != NULL || !isatty(STDIN_FILENO) || argv == NULL) { return; }
    if (setenv("SWIFT_BACKTRACE", "interactive=no", 1) != 0 || setenv(marker, "1", 1) != 0) { return; }
    // Exec the real path, not /proc/self/exe, so the process keeps its name ("cnnviz") in ps.
    char path[4096];
    ssize_t length = readlink("/proc/self/exe", path, sizeof path - 1);
    if (length > 0) {
        path[length] = '\0';
        execv(path, argv);
    }
    // exec failed (no /proc): carry on with the reporter as the runtime set it up.
    unsetenv(marker);
    unsetenv("SWIFT_BACKTRACE");
}
