/* v5.10's KVM: the range's flags word handed on, and tested elsewhere. */
static int kvm_unmap_hva_handler(struct kvm *kvm, gpa_t gpa, u64 size, void *data)
{
	unsigned flags = *(unsigned *)data;
	bool may_block = flags & MMU_NOTIFIER_RANGE_BLOCKABLE;

	__unmap_stage2_range(&kvm->arch.mmu, gpa, size, may_block);
	return 0;
}

static int invalidate_range_start(struct mmu_notifier *mn,
				  const struct mmu_notifier_range *range)
{
	struct kvm *kvm = mmu_notifier_to_kvm(mn);
	int need_tlb_flush;

	need_tlb_flush = kvm_unmap_hva_range(kvm, range->start, range->end,
					     range->flags);
	if (!(range->flags & MMU_NOTIFIER_RANGE_BLOCKABLE))
		return -EAGAIN;
	return need_tlb_flush;
}
