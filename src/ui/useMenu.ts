import { useEffect, useRef, useState, type Dispatch, type RefObject, type SetStateAction } from 'react';

/** A toolbar menu: whether it is open, and the element that holds its button and its list. */
export type Menu = {
  open: boolean;
  setOpen: Dispatch<SetStateAction<boolean>>;
  root: RefObject<HTMLDivElement | null>;
};

/**
 * The open state of a toolbar menu. A click outside `root` or Esc closes it (Esc gives the focus
 * back to its button when it was inside); what is done inside it (a checkbox, a field) keeps it open.
 */
export function useMenu(): Menu {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      if (root.current?.contains(document.activeElement)) root.current.querySelector('button')?.focus();
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);
  return { open, setOpen, root };
}
