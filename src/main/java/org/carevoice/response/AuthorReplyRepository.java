package org.carevoice.response;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface AuthorReplyRepository extends JpaRepository<AuthorReply, Long> {

  List<AuthorReply> findByStoryIdAndStatusOrderByPublishedAt(Long storyId, AuthorReply.Status status);

  List<AuthorReply> findByStoryIdOrderById(Long storyId);

  long deleteByStoryId(Long storyId);
}
