import { redirect } from 'next/navigation';

/** The front desk opens on the member list. */
export default function Home() {
  redirect('/members');
}
