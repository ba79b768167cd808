/*
 * If the event is MMU_NOTIFY_MIGRATE, the pages stay, otherwise they are
 * released.
 *
 * For an unmap event, the queue is drained.
 */
static void gpu_queue_notify(struct gpu_queue *q);
