/** Whether the Embed dialog is open (the action registry opens it, the top bar shows it). */
import { createStore } from 'zustand/vanilla';

export const embedDialogStore = createStore<{ open: boolean }>(() => ({ open: false }));

export const openEmbedDialog = (): void => embedDialogStore.setState({ open: true });
