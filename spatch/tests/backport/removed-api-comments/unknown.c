/*
 * Drivers must skip MMU_NOTIFY_RELEASE here because the mm is gone.
 */
static int f(void);
