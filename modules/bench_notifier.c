// SPDX-License-Identifier: GPL-2.0
/*
 * bench_notifier: the registrant of the project's benchmark (guest/bench.c).
 *
 * Writing to /sys/kernel/debug/bench_notifier registers, on the writer's mm:
 *   "register"             an mmu_notifier with empty invalidate_range_start
 *                          and invalidate_range_end callbacks
 *   "interval START LEN"   an interval notifier over [START, START + LEN)
 *   "clear"                removes both (the writer's mm must still exist)
 *
 * The callbacks read only range->start and range->end, which the rewound
 * base and the series both have, so the module is the same source on both
 * kernels and its cost is the same: what differs is the kernel around it.
 */
#include <linux/debugfs.h>
#include <linux/mmu_notifier.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/sched/mm.h>
#include <linux/string.h>
#include <linux/uaccess.h>

static DEFINE_MUTEX(bench_lock);
static struct mmu_notifier bench_mn;
static struct mm_struct *bench_mn_mm;
static struct mmu_interval_notifier bench_mni;
static bool bench_mni_on;
static struct dentry *bench_file;
/* Written so that the compiler keeps the reads of the range. */
static unsigned long bench_sink;

static int bench_start(struct mmu_notifier *mn,
		       const struct mmu_notifier_range *range)
{
	WRITE_ONCE(bench_sink, range->end - range->start);
	return 0;
}

static void bench_end(struct mmu_notifier *mn,
		      const struct mmu_notifier_range *range)
{
	WRITE_ONCE(bench_sink, range->end - range->start);
}

static const struct mmu_notifier_ops bench_mn_ops = {
	.invalidate_range_start = bench_start,
	.invalidate_range_end = bench_end,
};

static bool bench_invalidate(struct mmu_interval_notifier *mni,
			     const struct mmu_notifier_range *range,
			     unsigned long cur_seq)
{
	WRITE_ONCE(bench_sink, range->end - range->start);
	mmu_interval_set_seq(mni, cur_seq);
	return true;
}

static const struct mmu_interval_notifier_ops bench_mni_ops = {
	.invalidate = bench_invalidate,
};

static void bench_clear(void)
{
	if (bench_mni_on) {
		mmu_interval_notifier_remove(&bench_mni);
		bench_mni_on = false;
	}
	if (bench_mn_mm) {
		mmu_notifier_unregister(&bench_mn, bench_mn_mm);
		bench_mn_mm = NULL;
	}
}

static int bench_command(char *cmd)
{
	unsigned long start, len;
	int ret;

	if (!strcmp(cmd, "clear")) {
		bench_clear();
		return 0;
	}
	if (!strcmp(cmd, "register")) {
		if (bench_mn_mm)
			return -EBUSY;
		bench_mn.ops = &bench_mn_ops;
		ret = mmu_notifier_register(&bench_mn, current->mm);
		if (!ret)
			bench_mn_mm = current->mm;
		return ret;
	}
	if (sscanf(cmd, "interval %lx %lx", &start, &len) == 2) {
		if (bench_mni_on)
			return -EBUSY;
		ret = mmu_interval_notifier_insert(&bench_mni, current->mm,
						   start, len, &bench_mni_ops);
		if (!ret)
			bench_mni_on = true;
		return ret;
	}
	return -EINVAL;
}

static ssize_t bench_write(struct file *file, const char __user *ubuf,
			   size_t count, loff_t *ppos)
{
	char buf[64];
	int ret;

	if (count >= sizeof(buf))
		return -EINVAL;
	if (copy_from_user(buf, ubuf, count))
		return -EFAULT;
	buf[count] = '\0';
	strim(buf);
	mutex_lock(&bench_lock);
	ret = bench_command(buf);
	mutex_unlock(&bench_lock);
	return ret ? ret : count;
}

static const struct file_operations bench_fops = {
	.owner = THIS_MODULE,
	.write = bench_write,
};

static int __init bench_init(void)
{
	bench_file = debugfs_create_file("bench_notifier", 0200, NULL, NULL,
					 &bench_fops);
	return IS_ERR(bench_file) ? PTR_ERR(bench_file) : 0;
}

static void __exit bench_exit(void)
{
	debugfs_remove(bench_file);
	mutex_lock(&bench_lock);
	bench_clear();
	mutex_unlock(&bench_lock);
}

module_init(bench_init);
module_exit(bench_exit);
MODULE_DESCRIPTION("Registrant for the mmu_notifier benchmark");
MODULE_LICENSE("GPL");
