// Process start-up settings that must be in place before the Swift runtime acts on them.
#ifndef CNNVIZ_CNNSTARTUP_H
#define CNNVIZ_CNNSTARTUP_H

/// Whether this process was re-executed by the start-up hook to turn the Swift runtime's
/// interactive crash reporter off (1), or ran as started (0).
int cnn_startup_reexecuted(void);

#endif
