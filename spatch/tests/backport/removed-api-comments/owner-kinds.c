/**
 * struct gpu_migrate_args - what a migration is asked to do
 * @start: first address
 * @pgmap_owner: compared with range->owner in MMU_NOTIFY_MIGRATE callbacks
 *               so that a driver skips the invalidations it caused itself
 * @owner: handed to the MMU_NOTIFY_EXCLUSIVE notifiers
 */
struct gpu_migrate_args {
	unsigned long start;
	void *pgmap_owner;
	void *owner;
};

/**
 * gpu_protect() - write-protect a range
 * @owner: seen by MMU_NOTIFY_PROTECTION_PAGE callbacks
 */
void gpu_protect(void *owner);
