// SPDX-License-Identifier: GPL-2.0
/*
 * Test module for the context of MMU notifier ranges.
 *
 * A process opens /sys/kernel/debug/test_mmu_notifier/events and writes
 * commands to it:
 *
 *   register            register an mmu_notifier on the writer's mm
 *   pin                 the same, and also hold a user of the mm, so that
 *                       the mm outlives its last task (the OOM reaper, not
 *                       exit, then tears it down)
 *   interval START LEN  insert an interval notifier over [START, START+LEN)
 *   clear               forget what was recorded
 *
 * A command is at most 63 bytes of text, without NUL; whitespace around
 * it is ignored. Anything else fails with EINVAL, as does a malformed
 * interval or one of length 0; a second "register" or "pin", or a second
 * "interval", fails with EBUSY, and an interval whose end wraps with
 * EOVERFLOW.
 *
 * Every invalidate_range_start()/end() the notifiers receive is recorded
 * with what the range says about itself: its event, whether it is
 * blockable, whether it carries a vma and whether that vma covers the
 * range, whether it has an owner, and its bounds. Reading the file gives
 * one record per line:
 *
 *   PHASE SOURCE EVENT BLOCKABLE VMA OWNER START END
 *
 * PHASE is start, end or release (the mmu_notifier's release callback);
 * interval notifiers have a single callback, recorded as start. SOURCE is
 * mn (the mmu_notifier) or interval; VMA is none, covers or
 * partial; OWNER is none, or set when the range names an owner. START and
 * END are hexadecimal, as are the arguments of "interval".
 *
 * The buffer of TMN_MAX_RECORDS records is allocated by the first command
 * that registers a notifier. Once it is full, further records are counted
 * but not kept, and a last line "dropped N" says how many were lost.
 * The user space side is tools/testing/selftests/vm/mmu_notifier_events.c.
 *
 * The registration lasts until the file is closed; a child created by
 * fork() shares it, so a parent can read what happened to the mm of a
 * child that registered and then exited. After "pin", the mm outlives its
 * tasks however they end: its pages stay mapped until the OOM reaper
 * unmaps them or the file is closed, and the final teardown (exit_mmap())
 * then runs in the task that closes the file.
 */
#include <linux/debugfs.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mmu_notifier.h>
#include <linux/module.h>
#include <linux/sched/mm.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/uaccess.h>

/* Enough for every scenario of the selftest, at 24 bytes a record. */
#define TMN_MAX_RECORDS 1024

enum tmn_phase {
	TMN_START,
	TMN_END,
	TMN_RELEASE,
};

enum tmn_source {
	TMN_MN,
	TMN_INTERVAL,
};

enum tmn_vma {
	TMN_VMA_NONE,
	TMN_VMA_COVERS,
	TMN_VMA_PARTIAL,
};

struct tmn_record {
	u8 phase;		/* enum tmn_phase */
	u8 source;		/* enum tmn_source */
	u8 event;		/* enum mmu_notifier_event */
	u8 vma;			/* enum tmn_vma */
	bool blockable;
	bool owner;
	unsigned long start;
	unsigned long end;
};

/**
 * struct tmn_ctx - one open instance of the events file
 * @mn: the notifier registered by "register" or "pin"
 * @interval: the interval notifier inserted by "interval"
 * @mm: the mm @mn is registered on, or NULL
 * @interval_mm: the mm @interval is inserted on, or NULL
 * @pinned: a user of @mm is held until the file is closed
 * @cmd_lock: serialises the commands of the tasks that share the file (a
 *	parent and its children). Closing takes no lock: the file is
 *	released when its last reference is gone, so no command can run.
 * @lock: protects the records; taken from non-blockable callbacks
 * @count: the number of records kept
 * @dropped: records lost because the buffer was full
 * @records: what the notifiers received, oldest first; TMN_MAX_RECORDS
 *	of them, allocated by the first registration (NULL before)
 */
struct tmn_ctx {
	struct mmu_notifier mn;
	struct mmu_interval_notifier interval;
	struct mm_struct *mm;
	struct mm_struct *interval_mm;
	bool pinned;
	struct mutex cmd_lock;	/* serialises commands */
	spinlock_t lock;	/* protects count, dropped, records */
	unsigned int count;
	unsigned long dropped;
	struct tmn_record *records;
};

static const char *const tmn_event_names[] = {
	[MMU_NOTIFY_UNMAP] = "unmap",
	[MMU_NOTIFY_CLEAR] = "clear",
	[MMU_NOTIFY_PROTECTION_VMA] = "protection_vma",
	[MMU_NOTIFY_PROTECTION_PAGE] = "protection_page",
	[MMU_NOTIFY_SOFT_DIRTY] = "soft_dirty",
	[MMU_NOTIFY_RELEASE] = "release",
	[MMU_NOTIFY_MIGRATE] = "migrate",
#ifdef MMNR_HAVE_EXCLUSIVE
	[MMU_NOTIFY_EXCLUSIVE] = "exclusive",
#endif
};

static const char *const tmn_phase_names[] = {
	[TMN_START] = "start",
	[TMN_END] = "end",
	[TMN_RELEASE] = "release",
};

static const char *const tmn_vma_names[] = {
	[TMN_VMA_NONE] = "none",
	[TMN_VMA_COVERS] = "covers",
	[TMN_VMA_PARTIAL] = "partial",
};

static void tmn_add(struct tmn_ctx *ctx, const struct tmn_record *rec)
{
	unsigned long flags;

	spin_lock_irqsave(&ctx->lock, flags);
	/* WRITE_ONCE(): tmn_seq_start() reads both without the lock. */
	if (ctx->count < TMN_MAX_RECORDS) {
		ctx->records[ctx->count] = *rec;
		WRITE_ONCE(ctx->count, ctx->count + 1);
	} else {
		WRITE_ONCE(ctx->dropped, ctx->dropped + 1);
	}
	spin_unlock_irqrestore(&ctx->lock, flags);
}

#ifdef MMNR_RANGE_HAS_VMA
/*
 * The vma cannot go away while its range is invalidated. Most callers hold
 * the mmap lock; those that reach the page through the reverse map
 * (reclaim, move_pages(), page_mkclean()) hold only the anon_vma or i_mmap
 * lock, not the mmap lock, and a vma is unlinked under that lock before it
 * is freed.
 */
static enum tmn_vma tmn_vma_of(const struct mmu_notifier_range *range)
{
	if (!range->vma)
		return TMN_VMA_NONE;
	if (range->vma->vm_start <= range->start &&
	    range->end <= range->vma->vm_end)
		return TMN_VMA_COVERS;
	return TMN_VMA_PARTIAL;
}
#else
/*
 * Since commit 7d4a8be0c4b2 ("mm/mmu_notifier: remove unused
 * mmu_notifier_range_update_to_read_only export") a range names no vma.
 */
static enum tmn_vma tmn_vma_of(const struct mmu_notifier_range *range)
{
	return TMN_VMA_NONE;
}
#endif

static void tmn_record_range(struct tmn_ctx *ctx, enum tmn_phase phase,
			     enum tmn_source source,
			     const struct mmu_notifier_range *range)
{
	struct tmn_record rec = {
		.phase = phase,
		.source = source,
		.event = range->event,
		.blockable = mmu_notifier_range_blockable(range),
		.vma = tmn_vma_of(range),
#ifdef MMNR_PGMAP_OWNER_FIELD
		/* Named owner since commit 6b49bf6ddbb0 ("mm: rename migrate_pgmap_owner"). */
		.owner = range->migrate_pgmap_owner,
#else
		.owner = range->owner,
#endif
		.start = range->start,
		.end = range->end,
	};

	tmn_add(ctx, &rec);
}

static int tmn_invalidate_range_start(struct mmu_notifier *mn,
				      const struct mmu_notifier_range *range)
{
	tmn_record_range(container_of(mn, struct tmn_ctx, mn), TMN_START,
			 TMN_MN, range);
	return 0;
}

static void tmn_invalidate_range_end(struct mmu_notifier *mn,
				     const struct mmu_notifier_range *range)
{
	tmn_record_range(container_of(mn, struct tmn_ctx, mn), TMN_END,
			 TMN_MN, range);
}

static void tmn_release(struct mmu_notifier *mn, struct mm_struct *mm)
{
	struct tmn_record rec = {
		.phase = TMN_RELEASE,
		.source = TMN_MN,
		.event = MMU_NOTIFY_RELEASE,
		.blockable = true,
	};

	tmn_add(container_of(mn, struct tmn_ctx, mn), &rec);
}

static const struct mmu_notifier_ops tmn_ops = {
	.release = tmn_release,
	.invalidate_range_start = tmn_invalidate_range_start,
	.invalidate_range_end = tmn_invalidate_range_end,
};

static bool tmn_interval_invalidate(struct mmu_interval_notifier *interval,
				    const struct mmu_notifier_range *range,
				    unsigned long cur_seq)
{
	tmn_record_range(container_of(interval, struct tmn_ctx, interval),
			 TMN_START, TMN_INTERVAL, range);
	mmu_interval_set_seq(interval, cur_seq);
	return true;
}

static const struct mmu_interval_notifier_ops tmn_interval_ops = {
	.invalidate = tmn_interval_invalidate,
};

/* The records, allocated before the first notifier can call back. */
static int tmn_alloc_records(struct tmn_ctx *ctx)
{
	if (ctx->records)
		return 0;
	ctx->records = kvcalloc(TMN_MAX_RECORDS, sizeof(*ctx->records),
				GFP_KERNEL);
	return ctx->records ? 0 : -ENOMEM;
}

static int tmn_register(struct tmn_ctx *ctx, bool pin)
{
	struct mm_struct *mm = current->mm;
	int ret;

	if (ctx->mm)
		return -EBUSY;
	if (!mm)
		return -EINVAL;
	ret = tmn_alloc_records(ctx);
	if (ret)
		return ret;
	ctx->mn.ops = &tmn_ops;
	ret = mmu_notifier_register(&ctx->mn, mm);
	if (ret)
		return ret;
	ctx->mm = mm;
	if (pin) {
		mmget(mm);
		ctx->pinned = true;
	}
	return 0;
}

/*
 * "START LEN": two hexadecimal numbers separated by one space, nothing
 * else; kstrtoul() rejects overflow and trailing characters.
 */
static int tmn_parse_interval(char *args, unsigned long *start,
			      unsigned long *length)
{
	char *first = strsep(&args, " ");

	if (!args || kstrtoul(first, 16, start) || kstrtoul(args, 16, length))
		return -EINVAL;
	return *length ? 0 : -EINVAL;
}

static int tmn_insert_interval(struct tmn_ctx *ctx, char *args)
{
	unsigned long start, length;
	int ret;

	if (ctx->interval_mm)
		return -EBUSY;
	if (!current->mm)
		return -EINVAL;
	ret = tmn_parse_interval(args, &start, &length);
	if (ret)
		return ret;
	ret = tmn_alloc_records(ctx);
	if (ret)
		return ret;
	ret = mmu_interval_notifier_insert(&ctx->interval, current->mm, start,
					   length, &tmn_interval_ops);
	if (ret)
		return ret;
	ctx->interval_mm = current->mm;
	return 0;
}

static void tmn_clear(struct tmn_ctx *ctx)
{
	unsigned long flags;

	spin_lock_irqsave(&ctx->lock, flags);
	WRITE_ONCE(ctx->count, 0);
	WRITE_ONCE(ctx->dropped, 0);
	spin_unlock_irqrestore(&ctx->lock, flags);
}

static ssize_t tmn_write(struct file *file, const char __user *ubuf,
			 size_t len, loff_t *ppos)
{
	struct tmn_ctx *ctx = ((struct seq_file *)file->private_data)->private;
	char buf[64], *cmd;
	int ret;

	if (len >= sizeof(buf))
		return -EINVAL;
	if (copy_from_user(buf, ubuf, len))
		return -EFAULT;
	/* Text only: strcmp() would not see what follows a NUL. */
	if (memchr(buf, '\0', len))
		return -EINVAL;
	buf[len] = '\0';
	cmd = strim(buf);

	mutex_lock(&ctx->cmd_lock);
	if (!strcmp(cmd, "register")) {
		ret = tmn_register(ctx, false);
	} else if (!strcmp(cmd, "pin")) {
		ret = tmn_register(ctx, true);
	} else if (!strncmp(cmd, "interval ", 9)) {
		ret = tmn_insert_interval(ctx, cmd + 9);
	} else if (!strcmp(cmd, "clear")) {
		tmn_clear(ctx);
		ret = 0;
	} else {
		ret = -EINVAL;
	}
	mutex_unlock(&ctx->cmd_lock);
	return ret ? ret : len;
}

static void *tmn_seq_start(struct seq_file *m, loff_t *pos)
{
	struct tmn_ctx *ctx = m->private;
	loff_t lines = READ_ONCE(ctx->count) + !!READ_ONCE(ctx->dropped);

	return *pos < lines ? pos : NULL;
}

static void *tmn_seq_next(struct seq_file *m, void *v, loff_t *pos)
{
	++*pos;
	return tmn_seq_start(m, pos);
}

static void tmn_seq_stop(struct seq_file *m, void *v)
{
}

static int tmn_seq_show(struct seq_file *m, void *v)
{
	struct tmn_ctx *ctx = m->private;
	loff_t i = *(loff_t *)v;
	unsigned long flags, dropped;
	struct tmn_record rec;
	bool valid;

	spin_lock_irqsave(&ctx->lock, flags);
	valid = i < ctx->count;
	if (valid)
		rec = ctx->records[i];
	dropped = ctx->dropped;
	spin_unlock_irqrestore(&ctx->lock, flags);
	if (!valid) {
		if (dropped)
			seq_printf(m, "dropped %lu\n", dropped);
		return 0;
	}
	seq_printf(m, "%s %s %s %d %s %s %lx %lx\n",
		   tmn_phase_names[rec.phase],
		   rec.source == TMN_MN ? "mn" : "interval",
		   rec.event < ARRAY_SIZE(tmn_event_names) ?
		   tmn_event_names[rec.event] : "unknown",
		   rec.blockable, tmn_vma_names[rec.vma],
		   rec.owner ? "set" : "none", rec.start, rec.end);
	return 0;
}

static const struct seq_operations tmn_seq_ops = {
	.start = tmn_seq_start,
	.next = tmn_seq_next,
	.stop = tmn_seq_stop,
	.show = tmn_seq_show,
};

static int tmn_open(struct inode *inode, struct file *file)
{
	struct tmn_ctx *ctx;
	int ret;

	ctx = kzalloc(sizeof(*ctx), GFP_KERNEL);
	if (!ctx)
		return -ENOMEM;
	mutex_init(&ctx->cmd_lock);
	spin_lock_init(&ctx->lock);
	ret = seq_open(file, &tmn_seq_ops);
	if (ret) {
		kfree(ctx);
		return ret;
	}
	((struct seq_file *)file->private_data)->private = ctx;
	return 0;
}

static int tmn_release_file(struct inode *inode, struct file *file)
{
	struct tmn_ctx *ctx = ((struct seq_file *)file->private_data)->private;

	if (ctx->interval_mm)
		mmu_interval_notifier_remove(&ctx->interval);
	if (ctx->mm) {
		mmu_notifier_unregister(&ctx->mn, ctx->mm);
		if (ctx->pinned)
			mmput(ctx->mm);
	}
	kvfree(ctx->records);
	kfree(ctx);
	return seq_release(inode, file);
}

static const struct file_operations tmn_fops = {
	.owner = THIS_MODULE,
	.open = tmn_open,
	.read = seq_read,
	.write = tmn_write,
	.llseek = seq_lseek,
	.release = tmn_release_file,
};

static struct dentry *tmn_dir;

static int __init test_mmu_notifier_init(void)
{
	tmn_dir = debugfs_create_dir("test_mmu_notifier", NULL);
	debugfs_create_file("events", 0600, tmn_dir, NULL, &tmn_fops);
	return 0;
}

static void __exit test_mmu_notifier_exit(void)
{
	debugfs_remove_recursive(tmn_dir);
}

module_init(test_mmu_notifier_init);
module_exit(test_mmu_notifier_exit);
MODULE_DESCRIPTION("Test module for the context of MMU notifier ranges");
MODULE_LICENSE("GPL");
