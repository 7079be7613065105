package org.carevoice.publication;

import org.springframework.data.jpa.repository.JpaRepository;

interface StoryShareRepository extends JpaRepository<StoryShare, Long> {}
